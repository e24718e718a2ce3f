namespace Creatio.AccessControl;

/// <summary>Thrown inside a change when it cannot apply to the model (what it removes or updates is not there).</summary>
internal sealed class AccessChangeRefusedException(AccessChangeRefusal refusal, string message) : Exception(message)
{
    public AccessChangeRefusal Refusal { get; } = refusal;
}
