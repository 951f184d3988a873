export const APP_SERVER_BUNDLE: string;
export function bundleAppServer(): Promise<string>;
