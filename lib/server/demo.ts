import 'server-only';
export const DEMO_PASSWORD = 'demo-password';
