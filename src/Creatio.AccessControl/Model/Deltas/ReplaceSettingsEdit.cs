namespace Creatio.AccessControl;

/// <summary>Replaces the system settings.</summary>
public sealed class ReplaceSettingsEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="settings">The settings.</param>
    public ReplaceSettingsEdit(AccessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>Gets the settings.</summary>
    public AccessSettings Settings { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        builder.Settings = Settings;
        return null;
    }
}
