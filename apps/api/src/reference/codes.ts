// The shapes of jurisdiction codes and sectors in reference data inputs.

export const JURISDICTION_CODE = /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/;
export const JURISDICTION_CODE_MESSAGE = 'must be an upper-case code such as EU, GB or US-CO';
export const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;
export const SECTOR_MESSAGE = 'each sector must be an upper-case word such as FINANCE or HEALTH';
