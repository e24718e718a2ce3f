using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires that the current principal may perform an operation on an object (<see cref="AccessPrincipal.CheckObject(ObjectName, ObjectOperation)"/>).</summary>
/// <remarks>Put it on an endpoint with <c>RequireAccess</c> or <see cref="RequireAccessAttribute"/>, in a policy, or pass it to
/// <see cref="IAuthorizationService"/>. This type is immutable.</remarks>
public sealed class ObjectAccessRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <exception cref="ArgumentException"><paramref name="objectName"/> is <see langword="default"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operation"/> is not a defined value.</exception>
    public ObjectAccessRequirement(ObjectName objectName, ObjectOperation operation)
    {
        Object = RequirementArguments.Object(objectName);
        Operation = RequirementArguments.Defined(operation);
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; }

    /// <summary>Gets the operation.</summary>
    public ObjectOperation Operation { get; }

    /// <summary>Gets the request this requirement checks.</summary>
    public AccessRequest Request => AccessRequest.ForObject(Object, Operation);

    /// <inheritdoc/>
    public override string ToString() => $"{Operation} {Object}";
}
