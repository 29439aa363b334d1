import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { loadOrCreateDevSigningKey } from '@pathway-graph/shared/auth/keys';
import { mintToken } from '@pathway-graph/shared/auth/tokens';
import type { GatewayConfig } from '@pathway-graph/shared/config';
import type { IdeOptions } from './index.ts';

/**
 * The IDE as the configuration has it: off unless GRAPHQL_IDE (on by default in development); with the demo-user
 * picker only where the services verify development tokens (no identity provider, not production), signed with the
 * same key in DATA_DIR as `npm run token`.
 */
export async function ideFromConfig(config: Pick<GatewayConfig, 'ide' | 'auth' | 'nodeEnv' | 'dataDir'>): Promise<IdeOptions | undefined> {
  if (!config.ide) return undefined;
  if (config.auth.jwksUrl || config.nodeEnv === 'production') return {};
  const { privateJwk } = await loadOrCreateDevSigningKey(config.dataDir);
  return {
    issueDemoToken: (username) => {
      const user = findDemoUser(username);
      if (!user) throw new Error(`no demo user ${username}`);
      const { username: _username, description: _description, ...principal } = user;
      return mintToken(principal, { privateJwk, issuer: config.auth.issuer, audience: config.auth.audience, expiresIn: '8h' });
    },
  };
}
