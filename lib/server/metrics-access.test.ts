import { describe, expect, it } from 'vitest';
import { metricsAccess } from './metrics-access';

describe('metrics access', () => {
  const token = 'scrape-token-0123456789';
  it('is off without METRICS_TOKEN, whatever is sent', () => {
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe('off');
  });
  it('wants exactly the configured bearer token', () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe('ok');
    expect(metricsAccess(`bearer   ${token}`, token)).toBe('ok');
    expect(metricsAccess(null, token)).toBe('refused');
    expect(metricsAccess(`Bearer ${token}x`, token)).toBe('refused');
    expect(metricsAccess(`Basic ${token}`, token)).toBe('refused');
  });
});
