using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires that the signed-in user may execute a system operation.</summary>
/// <remarks>It adds a <see cref="SystemOperationRequirement"/> to the endpoint's authorization, combined with its other policies.</remarks>
/// <example><code>[RequireSystemOperation("CanManageUsers")]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireSystemOperationAttribute : Attribute, IAuthorizationRequirementData
{
    private readonly SystemOperationRequirement _requirement;

    /// <summary>Creates the attribute.</summary>
    /// <param name="operation">The system operation's code.</param>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is <see langword="null"/>.</exception>
    public RequireSystemOperationAttribute(string operation)
    {
        _requirement = new SystemOperationRequirement(new SystemOperationCode(operation));
    }

    /// <summary>Gets the system operation's code.</summary>
    public string Operation => _requirement.Operation.Value;

    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [_requirement];
}
