// The one error a weights reader throws for a bad file. Its message says what is wrong with the
// file; the caller, who knows the file's name, puts the name in front.

/** A weights file that cannot be read, with a message naming what is wrong. */
export class WeightFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightFileError';
  }
}
