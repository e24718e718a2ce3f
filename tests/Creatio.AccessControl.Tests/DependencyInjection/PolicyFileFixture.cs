using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>A temporary folder with a policy file in it, deleted on dispose.</summary>
internal sealed class PolicyFileFixture : IDisposable
{
    public PolicyFileFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "creatio-ac-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "policy.json");
    }

    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>A document that breaks two rules of the format: an unknown member and a user without an id.</summary>
    public static string BadDocument { get; } = """
        {
          "formatVersion": 1,
          "bogus": true,
          "users": [ { "name": "No id" } ]
        }
        """;

    /// <summary>A model where Ann may read Ledger, and Bob too when <paramref name="bobReads"/>.</summary>
    public static AccessModel Model(bool bobReads = false)
    {
        Org org = new Org()
            .Role("Finance", "All employees")
            .User("Ann", "Finance")
            .User("Bob")
            .Object("Ledger", operations: true)
            .ObjectRow("Ledger", "Finance", 0, ObjectOperations.Read);
        if (bobReads)
        {
            org.ObjectRow("Ledger", "Bob", 1, ObjectOperations.Read);
        }

        return org.Build();
    }

    public static UserId Ann => Ids.User("Ann");

    public static UserId Bob => Ids.User("Bob");

    public void Write(AccessModel model) => File.WriteAllText(FilePath, AccessPolicyJson.Serialize(model));

    public void Write(string text) => File.WriteAllText(FilePath, text);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
