// A reason to stop with exit 2; its message is already in the user's language.
export class Refusal extends Error {}
