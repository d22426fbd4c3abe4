// Rule options checked against the rule's `meta.options` schema: the subset of JSON schema that
// options use (type, properties, additionalProperties, items, minLength, maxItems, enum, and
// `format: user-pattern` for regular expressions, compiled by the linear-time engine). The
// problem is a message by id, so it is worded in the user's language.

import type { MessageRef, OptionsSchema } from './types.js';
import { compileUserPattern } from './user-pattern.js';

const TYPE_MESSAGE = {
  object: 'config/typeObject',
  array: 'config/typeArray',
  string: 'config/typeString',
  boolean: 'config/typeBoolean',
  number: 'config/typeNumber',
  integer: 'config/typeInteger',
} as const;

function hasType(value: unknown, type: NonNullable<OptionsSchema['type']>): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** The first problem of `value` against `schema`, at `name` (`extra`, `extra[2]`), if any. */
export function optionsProblem(value: unknown, schema: OptionsSchema, name = ''): MessageRef | undefined {
  const at = name || '…';
  if (schema.type && !hasType(value, schema.type)) return { id: 'config/optionType', data: { name: at, expected: { id: TYPE_MESSAGE[schema.type] } } };
  if (schema.enum && !schema.enum.includes(value as string)) return { id: 'config/optionEnum', data: { name: at, allowed: schema.enum.map(String) } };
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) return { id: 'config/optionEmpty', data: { name: at } };
    if (schema.format === 'user-pattern') {
      const compiled = compileUserPattern(value);
      if ('error' in compiled) return { id: 'config/optionPattern', data: { name: at, problem: compiled.error } };
    }
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return { id: 'config/optionTooMany', data: { name: at, max: schema.maxItems } };
    if (schema.items) {
      for (let i = 0; i < value.length; i++) {
        const p = optionsProblem(value[i], schema.items, `${name}[${i}]`);
        if (p) return p;
      }
    }
  }
  if (schema.type === 'object' && typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const key of Object.keys(object)) {
      const child = name ? `${name}.${key}` : key;
      if (!Object.hasOwn(properties, key)) {
        if (schema.additionalProperties === false) return { id: 'config/optionUnknown', data: { name: child } };
        if (typeof schema.additionalProperties === 'object') {
          const p = optionsProblem(object[key], schema.additionalProperties, child);
          if (p) return p;
        }
        continue;
      }
      const p = optionsProblem(object[key], properties[key], child);
      if (p) return p;
    }
  }
  return undefined;
}
