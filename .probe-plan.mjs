import { QueryPlanner } from '@graphql-hive/router-query-planner';
import { readFileSync } from 'node:fs';
const qp = new QueryPlanner(readFileSync(process.argv[2], 'utf8'));
const q = `query($cpr: String!) { childByCpr(cpr: $cpr) { pathway { currentStep stepBasis { sector kind at rule } treatmentResponsibility { holder startedAt basis } timeline(first: 20) { edges { cursor node { id sector at kind recordStep summary } } pageInfo { hasNextPage endCursor } totalCount } contactPersons { sector status name role } openActions { kind heldBy ownerSector ownerOrganisation dueOn overdue } withheld { sector reason message } } } }`;
const p = qp.plan(q, null, new Set(), 0);
const walk = (n, d = 0) => { if (!n) return; if (n.kind === "Fetch") console.log(" ".repeat(d) + n.serviceName + ": requires " + JSON.stringify(n.requires ?? null)); for (const k of ['node', 'nodes']) { const c = n[k]; if (Array.isArray(c)) c.forEach((x) => walk(x, d + 1)); else if (c) walk(c, d + 1); } };
walk(p.node);
