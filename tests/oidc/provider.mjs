// A real, certified OpenID provider (npm oidc-provider) for the login tests, on 127.0.0.1.
// OIDC_PORT, OIDC_REDIRECT (Binc's callback) and OIDC_ACCOUNTS (JSON: login -> national number)
// come from the test; OIDC_ID_TOKEN_TTL makes tokens expire fast for the expiry test.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || "{}");

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "binc",
      client_secret: "binc-test-geheim",
      redirect_uris: [process.env.OIDC_REDIRECT],
      response_types: ["code"],
      grant_types: ["authorization_code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: { openid: ["sub"], profile: ["rrn"] },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, rrn: accounts[id] || "" }; } };
  },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => false },
  cookies: { keys: ["binc-test-cookies"] },
  ttl: { IdToken: Number(process.env.OIDC_ID_TOKEN_TTL || 3600), AccessToken: 3600 },
});

provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider op ${port}`));
