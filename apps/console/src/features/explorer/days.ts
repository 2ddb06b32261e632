/** Whether `text` is a whole UTC day YYYY-MM-DD (a date input gives '' until it is). */
export const isoDay = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** Today as a UTC day. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
