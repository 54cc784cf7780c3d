import { describe, expect, it } from 'vitest';
import { renderPromptTemplate, templatePlaceholders, ZSaveToolPromptInput } from './prompts';

const valid = { slug: 'kb_search', name: 'find_policy', title: 'Find a policy', description: 'Search the knowledge base for a policy.', template: 'Find the {{topic}} policy.', arguments: '[{"name":"topic","required":true}]' };

describe('prompt templates', () => {
  it('finds placeholders once each, in order', () => expect(templatePlaceholders('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']));
  it('renders declared values and empties absent ones', () => expect(renderPromptTemplate('Hi {{name}}{{ tail }}!', { name: 'Ann' })).toBe('Hi Ann!'));
  it('does not treat a value as a template', () => expect(renderPromptTemplate('{{a}}', { a: '{{b}}' })).toBe('{{b}}'));
});

describe('ZSaveToolPromptInput', () => {
  it('accepts a valid prompt and parses its arguments', () => {
    const r = ZSaveToolPromptInput.parse(valid);
    expect(r.arguments).toEqual([{ name: 'topic', description: '', required: true }]);
    expect(r.promptId).toBeUndefined();
  });

  it.each([
    [{ name: 'Find Policy' }, 'name', 'The name starts with a lowercase letter'],
    [{ title: 'x' }, 'title', 'Give a title of at least 3 characters.'],
    [{ description: 'short' }, 'description', 'Describe the prompt in at least 10 characters.'],
    [{ template: 'Find the {{subject}} policy.' }, 'template', 'The template uses {{subject}} but no such argument is declared'],
    [{ arguments: '[{"name":"topic"},{"name":"topic"}]' }, 'arguments', 'The argument topic is declared twice.'],
    [{ arguments: '[{"name":"1bad"}]' }, 'arguments', 'An argument name starts with a letter'],
    [{ arguments: '{not json' }, 'arguments', 'The arguments are not valid JSON'],
  ])('%j → %s: %s', (patch, field, message) => {
    const r = ZSaveToolPromptInput.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path[0] === field) ?? r.error!.issues[0]!;
    expect(issue.message).toContain(message);
  });
});
