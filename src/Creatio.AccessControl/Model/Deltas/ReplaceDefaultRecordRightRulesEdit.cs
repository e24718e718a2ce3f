namespace Creatio.AccessControl;

/// <summary>Replaces every default record permission rule of an object; each new rule must name the object.</summary>
public sealed class ReplaceDefaultRecordRightRulesEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="object">The object.</param>
    /// <param name="rules">The new rules, in order.</param>
    public ReplaceDefaultRecordRightRulesEdit(ObjectName @object, IReadOnlyList<DefaultRecordRightRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Object = @object;
        Rules = CopyOf(rules, nameof(rules));
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the new rules, in order.</summary>
    public IReadOnlyList<DefaultRecordRightRule> Rules { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (Rules.FirstOrDefault(r => r.Object != Object) is { } other)
        {
            return $"a rule names object `{other.Object}`, not `{Object}`";
        }

        RemoveAll(builder.DefaultRecordRightRules, r => r.Object == Object);
        AddAll(builder.DefaultRecordRightRules, Rules);
        return null;
    }
}
