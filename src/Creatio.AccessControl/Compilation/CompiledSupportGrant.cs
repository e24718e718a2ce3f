namespace Creatio.AccessControl.Compilation;

/// <summary>One support grant, resolved.</summary>
/// <param name="Definition">The grant.</param>
/// <param name="Window">When it is valid.</param>
/// <param name="Scope">Per object index, whether the object is in the grant's workplaces; <see langword="null"/> for the whole system.</param>
internal sealed record CompiledSupportGrant(SupportAccessGrant Definition, SupportAccessWindow Window, bool[]? Scope);
