namespace Creatio.AccessControl.Cli;

/// <summary>A name or id typed on the command line or in a test file that the policy does not resolve.</summary>
/// <param name="Member">What was typed: <c>user</c>, <c>supportGrant</c>, <c>object</c>, <c>column</c>, <c>record</c> or
/// <c>systemOperation</c> (as test files name them).</param>
/// <param name="Message">Why it does not resolve, naming the nearest known names or the candidates.</param>
/// <param name="Expectable">The reason the engine gives for it, when a test case may expect it (an unknown id or name the
/// engine looks up); <see cref="AccessReason.None"/> when no expectation makes it right (an ambiguous or unknown user name,
/// a support grant run as another user).</param>
internal sealed record InputProblem(string Member, string Message, AccessReason Expectable)
{
    /// <summary>Gets what a test case should do instead, when that is not to expect <see cref="Expectable"/>.</summary>
    public string? TestHint { get; init; }
}

/// <summary>Matches what a user types against a policy: one rule for every command and for test files.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A user is the GUID of a user of the policy, or the exact name of exactly one user, or else a name that equals
/// the name of exactly one user ignoring case. Several matches, or none, is an error listing the candidates.</item>
/// <item>Objects, columns and system operations are named exactly (they are code names); an unknown name is an error
/// naming the nearest known names.</item>
/// <item>Records and support grants are GUIDs. A record is unknown when the policy has no such record of the object and
/// the engine looks records up: the object uses record permissions, or the request shares the record.</item>
/// </list>
/// </remarks>
internal sealed class PolicyInputs
{
    /// <summary>The system columns every object has, besides its declared ones.</summary>
    internal static readonly string[] SystemColumns = ["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"];

    private readonly AccessModel _model;
    private readonly Dictionary<string, ObjectDefinition> _objects = new(StringComparer.Ordinal);
    private readonly HashSet<(string Object, Guid Record)> _records = [];
    private readonly HashSet<string> _systemOperations = new(StringComparer.Ordinal);

    public PolicyInputs(AccessModel model)
    {
        _model = model;
        foreach (ObjectDefinition definition in model.Objects)
        {
            _objects[definition.Name.Value] = definition;
        }

        foreach (RecordDefinition record in model.Records)
        {
            _records.Add((record.Object.Value, record.Id.Value));
        }

        foreach (SystemOperationDefinition operation in SystemOperations.BuiltIn.Concat(model.SystemOperations))
        {
            _systemOperations.Add(operation.Code.Value);
        }
    }

    /// <summary>Gets the names of the policy's users, for completion.</summary>
    public IEnumerable<string> UserNames => _model.Users.Select(u => u.Name);

    /// <summary>Gets the names of the policy's objects, for completion.</summary>
    public IEnumerable<string> ObjectNames => _objects.Keys;

    /// <summary>Gets the codes of the policy's system operations (the built-in ones included), for completion.</summary>
    public IEnumerable<string> SystemOperationCodes => _systemOperations;

    /// <summary>Gets the columns of an object (system columns included), or nothing for an unknown object.</summary>
    public IEnumerable<string> ColumnNames(string objectName) =>
        _objects.TryGetValue(objectName, out ObjectDefinition? definition)
            ? SystemColumns.Concat(definition.Columns.Select(c => c.Value)).Distinct(StringComparer.Ordinal)
            : [];

    /// <summary>Resolves a user by GUID or name.</summary>
    /// <returns>The problem, or <see langword="null"/> when <paramref name="user"/> is set.</returns>
    public InputProblem? User(string text, out UserId user)
    {
        user = default;
        if (Guid.TryParse(text, out Guid id))
        {
            if (_model.Users.Any(u => u.Id.Value == id))
            {
                user = new UserId(id);
                return null;
            }

            // The engine denies an unknown id with UnknownUser: a test may expect exactly that.
            user = new UserId(id);
            return new InputProblem("user", $"the policy has no user with id `{id}`.", AccessReason.UnknownUser);
        }

        UserDefinition[] exact = [.. _model.Users.Where(u => string.Equals(u.Name, text, StringComparison.Ordinal))];
        UserDefinition[] named = exact.Length > 0
            ? exact
            : [.. _model.Users.Where(u => string.Equals(u.Name, text, StringComparison.OrdinalIgnoreCase))];
        if (named.Length == 1)
        {
            user = named[0].Id;
            return null;
        }

        if (named.Length > 1)
        {
            return new InputProblem(
                "user",
                $"`{text}` names {named.Length} users: {Users(named)}; give the GUID of one.",
                AccessReason.None);
        }

        UserDefinition[] near = NameSuggestions.Nearest(_model.Users, u => u.Name, text);
        string hint = near.Length == 0 ? string.Empty : $" Did you mean {Users(near)}?";
        return new InputProblem("user", $"the policy has no user named `{text}`.{hint}", AccessReason.None)
        {
            TestHint = "To test an unknown user, give a GUID the policy does not have and expect the reason `UnknownUser`.",
        };
    }

    /// <summary>Checks a support grant: the policy has it, and the user named with it, if any, is its grantor.</summary>
    public InputProblem? Grant(SupportGrantId grant, UserId? user)
    {
        SupportAccessGrant? definition = _model.SupportGrants.FirstOrDefault(g => g.Id == grant);
        if (definition is null)
        {
            return new InputProblem("supportGrant", $"the policy has no support grant `{grant}`.", AccessReason.UnknownSupportGrant);
        }

        return user is not { } named || named == definition.Grantor
            ? null
            : new InputProblem(
                "supportGrant",
                $"support grant `{grant}` runs with the permissions of its grantor `{definition.Grantor}`, not of user `{named}`; leave the user out or name the grantor.",
                AccessReason.None);
    }

    /// <summary>Lists the names and ids of a request that the policy does not know.</summary>
    public IReadOnlyList<InputProblem> References(in AccessRequest request)
    {
        var problems = new List<InputProblem>();
        if (request.Kind == AccessRequestKind.SystemOperation)
        {
            string code = request.SystemOperation.Value;
            if (!_systemOperations.Contains(code))
            {
                problems.Add(new InputProblem(
                    "systemOperation",
                    $"the policy has no system operation `{code}`.{DidYouMean(_systemOperations, code)}",
                    AccessReason.UnknownSystemOperation));
            }

            return problems;
        }

        string objectName = request.Object.Value;
        if (!_objects.TryGetValue(objectName, out ObjectDefinition? definition))
        {
            problems.Add(new InputProblem(
                "object",
                $"the policy has no object `{objectName}`.{DidYouMean(_objects.Keys, objectName)}",
                AccessReason.UnknownObject));
            return problems;
        }

        if (request.Kind == AccessRequestKind.Column)
        {
            string column = request.Column.Value;
            string[] columns = [.. ColumnNames(objectName)];
            if (!columns.Contains(column, StringComparer.Ordinal))
            {
                problems.Add(new InputProblem(
                    "column",
                    $"object `{objectName}` has no column `{column}`.{DidYouMean(columns, column)}",
                    AccessReason.UnknownColumn));
            }
        }

        if (request.Record is { } record &&
            (definition.UseRecordPermissions || request.Kind == AccessRequestKind.Share) &&
            !_records.Contains((objectName, record.Value)))
        {
            problems.Add(new InputProblem(
                "record",
                $"object `{objectName}` has no record `{record.Value}` in the policy.",
                AccessReason.UnknownRecord));
        }

        return problems;
    }

    /// <summary>Returns " Did you mean `A` or `B`?" for the known names nearest to a typed one, or nothing.</summary>
    internal static string DidYouMean(IEnumerable<string> known, string text)
    {
        string[] near = NameSuggestions.Nearest(known, n => n, text);
        return near.Length switch
        {
            0 => string.Empty,
            1 => $" Did you mean `{near[0]}`?",
            _ => $" Did you mean one of {Values.Quote(near)}?",
        };
    }

    private static string Users(IEnumerable<UserDefinition> users) =>
        string.Join(", ", users.Select(u => $"`{u.Name}` ({u.Id.Value})"));
}
