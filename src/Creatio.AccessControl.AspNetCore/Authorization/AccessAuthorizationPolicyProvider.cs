using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Makes the policies named by <see cref="AccessPolicyNames"/> on demand and asks the app's other provider for every
/// other name.</summary>
/// <remarks>An app has one <see cref="IAuthorizationPolicyProvider"/>: this one wraps the provider registered before it,
/// by default <see cref="DefaultAuthorizationPolicyProvider"/>, so the app's own named, default and fallback policies keep
/// working. Policies it makes are cached.</remarks>
internal sealed class AccessAuthorizationPolicyProvider(IAuthorizationPolicyProvider inner, AccessPolicyCache cache) : IAuthorizationPolicyProvider
{
    /// <inheritdoc/>
    public bool AllowsCachingPolicies => inner.AllowsCachingPolicies;

    /// <inheritdoc/>
    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        cache.TryGet(policyName, out AuthorizationPolicy? policy) ? Task.FromResult<AuthorizationPolicy?>(policy) : inner.GetPolicyAsync(policyName);

    /// <inheritdoc/>
    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => inner.GetDefaultPolicyAsync();

    /// <inheritdoc/>
    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => inner.GetFallbackPolicyAsync();
}
