using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Why an access requirement failed: the library's decision and the request it was made for.</summary>
/// <remarks>The package's handlers fail a requirement with this reason; it reaches
/// <see cref="AuthorizationFailure.FailureReasons"/> and the problem details of a 403 response.</remarks>
public sealed class AccessDenialReason : AuthorizationFailureReason
{
    /// <summary>Creates the reason.</summary>
    /// <param name="handler">The handler that denied.</param>
    /// <param name="request">The request that was denied.</param>
    /// <param name="decision">The denying decision.</param>
    /// <param name="snapshotVersion">The version of the snapshot that decided.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> is <see langword="null"/>.</exception>
    public AccessDenialReason(IAuthorizationHandler handler, AccessRequest request, AccessDecision decision, long snapshotVersion)
        : base(handler, $"{request}: {decision}")
    {
        Request = request;
        Decision = decision;
        SnapshotVersion = snapshotVersion;
    }

    /// <summary>Creates a reason for a request the handler could not form, such as a route value that is not a record id.</summary>
    /// <param name="handler">The handler that denied.</param>
    /// <param name="message">What was wrong, for developers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/> or <paramref name="message"/> is <see langword="null"/>.</exception>
    public AccessDenialReason(IAuthorizationHandler handler, string message)
        : base(handler, message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Decision = default;
    }

    /// <summary>Gets the request that was denied; <see langword="null"/> when none could be formed.</summary>
    public AccessRequest? Request { get; }

    /// <summary>Gets the denying decision; <see langword="default"/> (a deny at no stage) when no request could be formed.</summary>
    public AccessDecision Decision { get; }

    /// <summary>Gets the version of the snapshot that decided; 0 when no request could be formed.</summary>
    public long SnapshotVersion { get; }
}
