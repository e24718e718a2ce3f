using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Requires that the current principal may execute a system operation
/// (<see cref="AccessPrincipal.CheckSystemOperation(SystemOperationCode)"/>).</summary>
/// <remarks>This type is immutable.</remarks>
public sealed class SystemOperationRequirement : IAuthorizationRequirement
{
    /// <summary>Creates the requirement.</summary>
    /// <param name="operation">The system operation, for example <see cref="SystemOperations.CanManageUsers"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is <see langword="default"/>.</exception>
    public SystemOperationRequirement(SystemOperationCode operation)
    {
        if (operation.Value is null)
        {
            throw new ArgumentException("The system operation code must not be the default value.", nameof(operation));
        }

        Operation = operation;
    }

    /// <summary>Gets the system operation.</summary>
    public SystemOperationCode Operation { get; }

    /// <summary>Gets the request this requirement checks.</summary>
    public AccessRequest Request => AccessRequest.ForSystemOperation(Operation);

    /// <inheritdoc/>
    public override string ToString() => $"Execute {Operation}";
}
