/** File name stem of the whole reading list export: /readings/export/coproduction-readings.ris. */
export const allReadingsStem = 'coproduction-readings';
