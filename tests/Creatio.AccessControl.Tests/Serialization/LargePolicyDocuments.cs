using System.Text;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>Valid policy documents of a chosen size, for reading large documents.</summary>
internal static class LargePolicyDocuments
{
    /// <summary>Returns a valid model whose document takes at least <paramref name="minimumBytes"/> bytes, and that
    /// document in UTF-8.</summary>
    public static (AccessModel Model, byte[] Utf8) Build(int minimumBytes)
    {
        // A user, a membership and a record right row take about 400 bytes of document together.
        int users = minimumBytes / 400 + 1;
        var sales = new RoleId(Ids.Guid("large:Sales"));
        var builder = new AccessModelBuilder()
            .Add(new RoleDefinition(sales, "Отдел продаж 😀", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new ObjectDefinition("Opportunity") { UseRecordPermissions = true })
            .Add(new RecordDefinition("Opportunity", new RecordId(Ids.Guid("large:Deal"))));
        for (int i = 0; i < users; i++)
        {
            var user = new UserId(Ids.Guid($"large:user {i}"));
            builder
                .Add(new UserDefinition(user, $"Пользователь {i} «€»"))
                .Add(new RoleMembership(user, sales))
                .Add(new RecordRightRow("Opportunity", new RecordId(Ids.Guid("large:Deal")), user, RecordOperation.Read, RecordRightLevel.Allow));
        }

        AccessModel model = builder.Build();
        byte[] utf8 = Encoding.UTF8.GetBytes(AccessPolicyJson.Serialize(model));
        Assert.True(utf8.Length >= minimumBytes, $"The document has {utf8.Length} bytes, fewer than {minimumBytes}.");
        return (model, utf8);
    }
}
