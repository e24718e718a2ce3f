using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires an object operation of the signed-in user for a controller, an action or a minimal API handler.</summary>
/// <remarks>It adds an <see cref="ObjectAccessRequirement"/> to the endpoint's authorization (as
/// <see cref="IAuthorizationRequirementData"/>), combined with every other <c>[Authorize]</c> and policy of the endpoint; all
/// must pass. Nobody signed in: 401. Denied: 403 with problem details.</remarks>
/// <example><code>[RequireAccess("Opportunity", ObjectOperation.Edit)]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireAccessAttribute : Attribute, IAuthorizationRequirementData
{
    private readonly ObjectAccessRequirement _requirement;

    /// <summary>Creates the attribute.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="objectName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public RequireAccessAttribute(string objectName, ObjectOperation operation)
    {
        _requirement = new ObjectAccessRequirement(new ObjectName(objectName), operation);
    }

    /// <summary>Gets the object's name.</summary>
    public string ObjectName => _requirement.Object.Value;

    /// <summary>Gets the operation.</summary>
    public ObjectOperation Operation => _requirement.Operation;

    /// <inheritdoc/>
    public IEnumerable<IAuthorizationRequirement> GetRequirements() => [_requirement];
}
