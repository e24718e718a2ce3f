using System.Security.Cryptography;
using System.Text;

namespace Creatio.AccessControl.Tests.Support;

/// <summary>Readable, stable ids for tests: the same name always gives the same id.</summary>
internal static class Ids
{
    public static Guid Guid(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));

    public static RoleId Role(string name) => new(Guid("role:" + name));

    public static UserId User(string name) => new(Guid("user:" + name));

    public static RecordId Record(string name) => new(Guid("record:" + name));

    public static AccountId Account(string name) => new(Guid("account:" + name));
}
