namespace Creatio.AccessControl.Tests.Conventions;

/// <summary>The core's folders are layers and dependencies only go down: Model → Compilation → Evaluation; Serialization,
/// Auditing and Stores above Evaluation; Diagnostics (the activity source and meter of the layers above) beside them;
/// Administration above those; DependencyInjection on top. A reference from a file in one folder to a type declared in a
/// folder it may not use fails, named with its place (CONTRIBUTING.md, "Layers").</summary>
public sealed class LayeringTests
{
    private static readonly string[] s_evaluation = ["Model", "Compilation", "Evaluation"];

    /// <summary>The folders each folder may use besides itself.</summary>
    private static readonly Dictionary<string, string[]> s_allowed = new(StringComparer.Ordinal)
    {
        ["Model"] = [],
        ["Compilation"] = ["Model"],
        ["Evaluation"] = ["Model", "Compilation"],
        ["Serialization"] = s_evaluation,
        ["Auditing"] = s_evaluation,
        ["Stores"] = s_evaluation,
        ["Diagnostics"] = s_evaluation,
        ["Administration"] = [.. s_evaluation, "Auditing", "Stores", "Diagnostics"],
        ["DependencyInjection"] = [.. s_evaluation, "Serialization", "Auditing", "Stores", "Administration", "Diagnostics"],
    };

    /// <summary>Wrong arrows that other work of issue 14 removes: the evaluator reports decisions to an observer instead of
    /// writing audit events, the rule for a support session's changes moves to Administration, and one compiler takes
    /// model-level deltas so that neither the snapshot nor the stores carry Administration's change types. Each entry is
    /// (from folder, referenced type). Nothing may be added here: empty it as those arrows disappear.</summary>
    private static readonly HashSet<(string From, string Type)> s_knownExceptions =
    [
    ];

    [Fact]
    public void EveryFolderOfTheCore_IsALayer()
    {
        string[] folders = [.. Directory.GetDirectories(LayerGraph.SourceFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name is not ("bin" or "obj") && !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(s_allowed.Keys.Order(StringComparer.Ordinal), folders);
        Assert.Empty(Directory.GetFiles(LayerGraph.SourceFolder, "*.cs"));
    }

    [Fact]
    public void References_OnlyGoDown()
    {
        string[] wrong = [.. LayerGraph.References
            .Where(r => !Allowed(r) && !s_knownExceptions.Contains((r.From, r.Type)))
            .Select(r => r.ToString())];

        Assert.True(wrong.Length == 0, $"{wrong.Length} references go up or sideways:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void KnownExceptions_StillExist()
    {
        // An exception whose arrow is gone must leave the list, so that it cannot come back unnoticed.
        string[] gone = [.. s_knownExceptions
            .Where(e => !LayerGraph.References.Any(r => r.From == e.From && r.Type == e.Type && !Allowed(r)))
            .Select(e => $"{e.From} -> {e.Type}")];

        Assert.True(gone.Length == 0, $"These arrows are gone; remove them from the known exceptions:\n{string.Join('\n', gone)}");
    }

    [Fact]
    public void EveryTypeName_Binds()
    {
        // A name the graph could not bind to a type is a reference it cannot place in a layer.
        Assert.True(LayerGraph.Unresolved.IsEmpty, string.Join('\n', LayerGraph.Unresolved));
    }

    [Fact]
    public void TheGraph_SeesReferencesInCode()
    {
        // The core's own sources: Evaluation uses Compilation, Administration uses Evaluation, DependencyInjection uses
        // Administration. A graph that found nothing would pass every rule.
        Assert.Contains(LayerGraph.References, r => r is { From: "Evaluation", To: "Compilation" });
        Assert.Contains(LayerGraph.References, r => r is { From: "Administration", To: "Evaluation", Type: "AccessEvaluator" });
        Assert.Contains(LayerGraph.References, r => r is { From: "DependencyInjection", To: "Administration" });
    }

    [Fact]
    public void AWrongArrow_IsFoundAndNamed_InCodeButNotInCommentsOrStrings()
    {
        (string, string)[] sources =
        [
            ("Model/Row.cs", """
                namespace Creatio.AccessControl;
                /// <summary>Used by <see cref="Editor"/>.</summary>
                public sealed class Row
                {
                    // Editor is above.
                    public string Name => "Editor";
                    public int Count(Editor editor) => editor.Rows;
                }
                """),
            ("Administration/Editor.cs", """
                namespace Creatio.AccessControl;
                public sealed class Editor
                {
                    public int Rows => 1;
                    public Row? Last { get; }
                }
                """),
        ];

        LayerReference[] references = [.. LayerGraph.Analyze(sources)];

        Assert.Equal(
            [
                "Model -> Administration (Editor) at Model/Row.cs:7",
                "Model -> Administration (Editor) at Model/Row.cs:7",
                "Administration -> Model (Row) at Administration/Editor.cs:5",
            ],
            references.Select(r => r.ToString()));
        Assert.False(Allowed(references[0]));
        Assert.True(Allowed(references[2]));
    }

    private static bool Allowed(LayerReference reference) =>
        reference.From == reference.To
        || (s_allowed.TryGetValue(reference.From, out string[]? allowed) && allowed.Contains(reference.To, StringComparer.Ordinal));
}
