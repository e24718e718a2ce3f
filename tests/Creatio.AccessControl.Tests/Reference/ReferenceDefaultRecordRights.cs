namespace Creatio.AccessControl.Tests.Reference;

/// <summary>A deliberately naive transcription of DESIGN.md §5 "Default record permissions" over the raw rows of an
/// <see cref="AccessModel"/>: the rows the rules write for a record its author creates.</summary>
internal static class ReferenceDefaultRecordRights
{
    /// <summary>The Default rows written for <paramref name="record"/>, created by its author, with <c>E(author)</c> from
    /// <paramref name="effectiveRoles"/>.</summary>
    public static List<RecordRightRow> For(AccessModel model, RecordDefinition record, Func<UserId, IReadOnlySet<AdminUnitId>> effectiveRoles)
    {
        var rows = new List<RecordRightRow>();
        if (record.Author is not { } author)
        {
            return rows;
        }

        // Every rule whose author unit is in E(creator) writes a row; a rule without a grantee grants the author's portal
        // organization: the portal organization linked to the author's account. Without an account, or when no portal
        // organization is linked to it, there is none — membership does not make one.
        IReadOnlySet<AdminUnitId> roles = effectiveRoles(author);
        AccountId? account = model.Users.Single(u => u.Id == author).Account;
        foreach (DefaultRecordRightRule rule in model.DefaultRecordRightRules)
        {
            if (rule.Object != record.Object || !roles.Contains(rule.Author))
            {
                continue;
            }

            IEnumerable<AdminUnitId> grantees = rule.Grantee is { } grantee
                ? [grantee]
                : model.Roles.Where(r => r.Kind == AdminUnitKind.Organization && account is not null && r.Account == account).Select(r => (AdminUnitId)r.Id);
            foreach (AdminUnitId unit in grantees)
            {
                rows.Add(new RecordRightRow(record.Object, record.Id, unit, rule.Operation, rule.Level, RecordRightSource.Default));
            }
        }

        return rows;
    }
}
