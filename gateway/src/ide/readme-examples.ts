/**
 * The README's example requests (`curl ... -d '<body>'` against the gateway), read from the README itself, so the
 * IDE's saved tabs, the browser test and the README can never disagree.
 */

export interface ReadmeExample {
  /** The README section the example stands in. */
  section: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The demo user whose token the example sends (`TOKEN=$(npm run -s token -- <user>)`), when the README says. */
  user?: string;
}

/** Every `-d '{"query": ...}'` request of the README's shell blocks, in order. */
export function readmeExamples(readme: string): ReadmeExample[] {
  const users = new Map([...readme.matchAll(/\b([A-Z][A-Z0-9_]*)=\$\(npm run -s token -- ([a-z0-9-]+)\)/g)].map((m) => [m[1]!, m[2]!]));
  const examples: ReadmeExample[] = [];
  for (const section of readme.split(/\n(?=## )/)) {
    const title = /^## (.+)/.exec(section)?.[1]?.trim();
    if (!title) continue;
    for (const block of section.matchAll(/```sh\n([\s\S]*?)```/g)) {
      for (const command of block[1]!.split(/\n(?=curl )/)) {
        const body = /-d '([^']*)'/.exec(command)?.[1];
        if (!body) continue;
        const parsed = JSON.parse(body) as { query?: unknown; variables?: Record<string, unknown> };
        if (typeof parsed.query !== 'string') continue;
        const tokenVariable = /authorization: Bearer \$([A-Z][A-Z0-9_]*)/.exec(command)?.[1];
        const user = tokenVariable ? users.get(tokenVariable) : undefined;
        examples.push({ section: title, query: parsed.query, ...(parsed.variables ? { variables: parsed.variables } : {}), ...(user ? { user } : {}) });
      }
    }
  }
  return examples;
}
