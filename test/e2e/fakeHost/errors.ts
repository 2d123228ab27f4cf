// Errors as Office.js raises them: OfficeExtension.Error with a code, a message and debugInfo.
const MESSAGES: Record<string, string> = {
  GeneralException: 'There was an internal error while processing the request.',
  ItemNotFound: 'The requested resource does not exist.',
  ItemAlreadyExists: 'The resource already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The requested operation is invalid.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  AccessDenied: 'You cannot perform the requested operation.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidObjectPath: 'The object path is not working for what you are trying to do.',
  NotImplemented: 'The requested feature isn\'t implemented.',
  InvalidSelection: 'The current selection is invalid for this operation.',
};

export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export function hostError(code: string, detail?: string, errorLocation?: string): OfficeExtensionError {
  const base = MESSAGES[code] ?? MESSAGES.GeneralException;
  return new OfficeExtensionError(code, detail && code !== 'GeneralException' ? detail : base, errorLocation);
}
