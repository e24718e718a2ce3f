#if NET10_0_OR_GREATER
namespace Creatio.AccessControl.Serialization;

/// <summary>Finds, in a document read with <see cref="PolicyJsonReadContext"/>, what
/// <see cref="PolicyDocumentChecker"/> would refuse but the read accepts: another format version, a JSON
/// <see langword="null"/> where a value is required, a blank string and an enum name listed twice.</summary>
/// <remarks>A member left out keeps its non-null initializer (or, when required, fails the read), so a
/// <see langword="null"/> here was written in the document.</remarks>
internal static class PolicyDocumentScreen
{
    /// <summary>Whether the checker would accept the document read; <see langword="false"/> sends it to the checker.</summary>
    public static bool IsClean(PolicyDocument document) =>
        document.FormatVersion == AccessPolicyJson.FormatVersion
        && document.Settings is { SupportAccess: { } support, EnabledAuditEvents: { } events }
        && Filled(support.TimeZoneId) && Filled(support.Environment) && Filled(support.ExternalAccessObject) && Distinct(events)
        && All(document.Users, u => Filled(u.Name))
        && All(document.Roles, r => Filled(r.Name))
        && All(document.Memberships, _ => true)
        && All(document.FunctionalLinks, _ => true)
        && All(document.Delegations, _ => true)
        && All(document.Objects, o => Filled(o.Name) && AllFilled(o.Columns))
        && All(document.ObjectOperationRows, r => Filled(r.Object) && Distinct(r.Operations))
        && All(document.ColumnRightRows, r => Filled(r.Object) && Filled(r.Column))
        && All(document.Records, r => Filled(r.Object))
        && All(document.RecordRightRows, r => Filled(r.Object))
        && All(document.DefaultRecordRightRules, r => Filled(r.Object))
        && All(document.SystemOperations, o => Filled(o.Code) && All(o.ObjectAccess, a => Filled(a.Object) && Distinct(a.Operations)))
        && All(document.SystemOperationRows, r => Filled(r.Operation))
        && All(document.Workplaces, w => Filled(w.Name) && AllFilled(w.Objects))
        && All(document.SupportGrants, g => Filled(g.Reason) && Filled(g.Environment) && AllFilled(g.Workplaces));

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    private static bool AllFilled(List<string>? values) => All(values, Filled);

    private static bool All<T>(List<T>? rows, Func<T, bool> clean)
        where T : class
    {
        if (rows is null)
        {
            return false;
        }

        foreach (T? row in rows)
        {
            if (row is null || !clean(row))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Distinct<TEnum>(List<TEnum>? values)
        where TEnum : struct, Enum
    {
        if (values is null)
        {
            return false;
        }

        for (int i = 1; i < values.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (EqualityComparer<TEnum>.Default.Equals(values[i], values[j]))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
#endif
