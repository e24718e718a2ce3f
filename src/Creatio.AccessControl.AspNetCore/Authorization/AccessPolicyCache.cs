using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>The policies made from <see cref="AccessPolicyNames"/>, one per name.</summary>
internal sealed class AccessPolicyCache
{
    // Names come from code and metadata, but a name built from a request value could grow the cache without bound.
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>Returns the policy of a name of the package's forms.</summary>
    public bool TryGet(string policyName, out AuthorizationPolicy? policy)
    {
        if (_policies.TryGetValue(policyName, out policy))
        {
            return true;
        }

        if (!AccessPolicyNames.TryParse(policyName, out IAuthorizationRequirement? requirement))
        {
            return false;
        }

        policy = new AuthorizationPolicyBuilder().AddRequirements(requirement).Build();
        if (_policies.Count < MaxEntries)
        {
            policy = _policies.GetOrAdd(policyName, policy);
        }

        return true;
    }
}
