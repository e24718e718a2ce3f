using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore.Tests.TestHost;

/// <summary>Signs a request in with the claims its <c>X-Test-Claim</c> headers name (<c>type=value</c> each); a request
/// without one is anonymous.</summary>
internal sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    public const string ClaimHeader = "X-Test-Claim";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Microsoft.Extensions.Primitives.StringValues values = Request.Headers[ClaimHeader];
        if (values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>();
        foreach (string? value in values)
        {
            int equals = value!.IndexOf('=', StringComparison.Ordinal);
            claims.Add(new Claim(value[..equals], value[(equals + 1)..]));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
