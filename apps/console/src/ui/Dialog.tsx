import { Modal, type ModalProps } from '@mantine/core';
import { useRef } from 'react';

/**
 * A Mantine modal whose title survives its closing transition.
 *
 * Pages derive a dialog's title from the state that opens it ("Edit Lumen",
 * "Review the report on …"); closing clears that state at once while the
 * dialog is still fading out, which left an unnamed `role="dialog"` on the
 * page for the length of the transition (axe: aria-dialog-name). The dialog
 * keeps the last title it was shown with until it opens again.
 */
export function Dialog({ title, ...props }: ModalProps) {
  const shown = useRef<ModalProps['title']>(title);
  if (title !== undefined && title !== null && title !== '') shown.current = title;
  return <Modal {...props} title={shown.current} />;
}
