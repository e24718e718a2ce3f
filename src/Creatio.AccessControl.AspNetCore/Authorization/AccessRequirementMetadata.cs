using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Endpoint metadata that adds one requirement to the endpoint's authorization.</summary>
internal sealed class AccessRequirementMetadata(IAuthorizationRequirement requirement) : IAuthorizationRequirementData
{
    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [requirement];

    /// <inheritdoc/>
    public override string ToString() => requirement.ToString() ?? nameof(AccessRequirementMetadata);
}
