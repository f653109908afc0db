import { escapeTemplate, unescapeTemplate } from '../../lib/guardrails/summary';

describe('summary template escaping', () => {
  test('Terraform template markers in free text are escaped and restored', () => {
    const reason = 'sized by ${var.size} and %{ if x } elsewhere';
    expect(escapeTemplate(reason)).toBe('sized by $${var.size} and %%{ if x } elsewhere');
    expect(unescapeTemplate(escapeTemplate(reason))).toBe(reason);
    expect(escapeTemplate('costs $5 {approx}')).toBe('costs $5 {approx}');
  });
});
