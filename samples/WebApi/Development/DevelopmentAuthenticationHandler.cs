using System.Security.Claims;
using System.Text.Encodings.Web;
using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;
using Creatio.AccessControl.Stores;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WebApi.Development;

/// <summary>Signs a request in by a header, for trying the sample with curl: <c>X-User: Bob</c> signs in the user of that
/// name in the access policy; <c>X-Support-Session: {id}</c> signs in a support specialist working in a running support
/// session. A development scheme: it trusts the client, so never use it in production.</summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAccessEvaluator evaluator,
    ISupportSessionStore sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Development";

    /// <summary>The header naming the user to sign in.</summary>
    public const string UserHeader = "X-User";

    /// <summary>The header naming the support session to sign in to.</summary>
    public const string SupportSessionHeader = "X-Support-Session";

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[UserHeader].FirstOrDefault() is { Length: > 0 } name)
        {
            UserDefinition? user = evaluator.Snapshot.Model.Users.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase));
            return user is null
                ? AuthenticateResult.Fail($"The access policy has no user named `{name}`.")
                : Success(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.Name));
        }

        if (Request.Headers[SupportSessionHeader].FirstOrDefault() is { Length: > 0 } text)
        {
            SupportSession? session = SupportSessionId.TryParse(text, out SupportSessionId id)
                ? await sessions.GetSessionAsync(id, Context.RequestAborted)
                : null;
            return session is { EndedAt: null }
                ? Success(
                    new Claim(AccessClaimTypes.SupportGrant, session.Grant.ToString()),
                    new Claim(AccessClaimTypes.SupportSession, session.Id.ToString()),
                    new Claim(ClaimTypes.Name, "support"))
                : AuthenticateResult.Fail($"`{text}` is not a running support session.");
        }

        return AuthenticateResult.NoResult();
    }

    private AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
}
