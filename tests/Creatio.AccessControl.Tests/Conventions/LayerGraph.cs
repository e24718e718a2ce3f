using System.Collections.Immutable;
using Creatio.AccessControl.Tests.Cli;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Creatio.AccessControl.Tests.Conventions;

/// <summary>One reference from code in one folder of the core to a type declared in another: the arrow of a dependency
/// between layers.</summary>
/// <param name="From">The folder of the referring file.</param>
/// <param name="To">The folder that declares the referenced type.</param>
/// <param name="Type">The referenced type's name (the outermost declaring type of a referenced member).</param>
/// <param name="Location">The referring file and line, relative to the core's folder.</param>
internal sealed record LayerReference(string From, string To, string Type, string Location)
{
    public override string ToString() => $"{From} -> {To} ({Type}) at {Location}";
}

/// <summary>Binds the core's sources with Roslyn and lists every reference in code (not in comments, documentation or
/// strings) from a file in one top-level folder of <c>src/Creatio.AccessControl</c> to a type declared in another.</summary>
/// <remarks>Types are mapped to folders by where they are declared, not by namespace: the folders are the layers.</remarks>
internal static class LayerGraph
{
    private static readonly Lazy<(ImmutableArray<LayerReference> References, ImmutableArray<string> Unresolved)> s_graph = new(Build);

    /// <summary>Gets the folder of the core's sources.</summary>
    public static string SourceFolder { get; } =
        Path.GetDirectoryName(CliHost.RepositoryFile("src", "Creatio.AccessControl", "Creatio.AccessControl.csproj"))!;

    /// <summary>Gets every cross-folder reference of the core, in file order.</summary>
    public static ImmutableArray<LayerReference> References => s_graph.Value.References;

    /// <summary>Gets the type and namespace names of the core that did not bind (file, line and message): a name that did not
    /// bind could hide a wrong arrow.</summary>
    public static ImmutableArray<string> Unresolved => s_graph.Value.Unresolved;

    /// <summary>Lists the cross-folder references of sources given as (path relative to the core's folder, text).</summary>
    public static ImmutableArray<LayerReference> Analyze(IEnumerable<(string Path, string Text)> sources) => AnalyzeAll(sources).References;

    private static (ImmutableArray<LayerReference> References, ImmutableArray<string> Unresolved) AnalyzeAll(IEnumerable<(string Path, string Text)> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: ["NET", "NET8_0_OR_GREATER", "NET10_0_OR_GREATER"]);
        var trees = new List<SyntaxTree>
        {
            // The project's implicit usings (ImplicitUsings=enable in Directory.Build.props).
            CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                parse,
                path: "GlobalUsings.g.cs"),
        };
        trees.AddRange(sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, parse, path: source.Path)));

        var compilation = CSharpCompilation.Create(
            "LayerGraph",
            trees,
            MetadataReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var references = ImmutableArray.CreateBuilder<LayerReference>();
        var unresolved = ImmutableArray.CreateBuilder<string>();
        foreach (SyntaxTree tree in trees.Skip(1))
        {
            string from = FolderOf(tree.FilePath);
            SemanticModel model = compilation.GetSemanticModel(tree);
            unresolved.AddRange(model.GetDiagnostics()
                .Where(d => d.Id is "CS0246" or "CS0234" or "CS0400")
                .Select(d => $"{tree.FilePath}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
            foreach (SimpleNameSyntax name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (Referenced(model.GetSymbolInfo(name)) is not { } type)
                {
                    continue;
                }

                foreach (SyntaxReference declaration in type.DeclaringSyntaxReferences)
                {
                    string to = FolderOf(declaration.SyntaxTree.FilePath);
                    if (to.Length > 0 && !string.Equals(to, from, StringComparison.Ordinal))
                    {
                        int line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                        references.Add(new LayerReference(from, to, type.Name, $"{tree.FilePath.Replace('\\', '/')}:{line}"));
                        break;
                    }
                }
            }
        }

        return (references.ToImmutable(), unresolved.ToImmutable());
    }

    /// <summary>Gets the top-level folder of a path relative to the core's folder; empty for a file at its root.</summary>
    private static string FolderOf(string path)
    {
        string normalized = path.Replace('\\', '/');
        int slash = normalized.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : normalized[..slash];
    }

    /// <summary>Gets the outermost source type a name refers to: the type itself, or the type declaring the member.</summary>
    private static INamedTypeSymbol? Referenced(SymbolInfo info)
    {
        ISymbol? symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        INamedTypeSymbol? type = symbol switch
        {
            null or INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol or ITypeParameterSymbol => null,
            INamedTypeSymbol named => named,
            IAliasSymbol alias => alias.Target as INamedTypeSymbol,
            _ => symbol.ContainingType,
        };

        if (type is null)
        {
            return null;
        }

        type = type.OriginalDefinition;
        while (type.ContainingType is { } outer)
        {
            type = outer.OriginalDefinition;
        }

        return type.DeclaringSyntaxReferences.IsEmpty ? null : type;
    }

    private static (ImmutableArray<LayerReference> References, ImmutableArray<string> Unresolved) Build()
    {
        string root = SourceFolder;
        IEnumerable<(string, string)> sources = Directory
            .EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("obj/", StringComparison.Ordinal) && !path.StartsWith("bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllText(Path.Combine(root, path))));
        return AnalyzeAll(sources);
    }

    /// <summary>The framework and the Microsoft.Extensions assemblies the core compiles against (the test's own copies;
    /// versions do not matter for binding names).</summary>
    private static IEnumerable<MetadataReference> MetadataReferences()
    {
        string[] platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return platform
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
            .Where(path => !Path.GetFileName(path).StartsWith("Creatio.", StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
    }
}
