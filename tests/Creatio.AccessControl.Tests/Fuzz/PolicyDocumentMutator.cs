using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Serialization;

namespace Creatio.AccessControl.Tests.Fuzz;

/// <summary>Makes policy documents for the fuzz: a valid document (a random model, the every-feature example or the
/// smallest document), changed by tree mutations (members removed, doubled, renamed or added; values replaced,
/// transplanted, nested deep; strings and numbers edited, lone and paired surrogate escapes, huge numbers) and byte
/// mutations (bits flipped, bytes inserted, deleted, doubled, byte order marks, invalid UTF-8, truncation).</summary>
/// <remarks>A document depends on the run's seed and its index alone, so any one can be made again; the recipe names
/// what was done to it.</remarks>
internal sealed class PolicyDocumentMutator
{
    private const int BasesPerRun = 256;

    private static readonly ConcurrentDictionary<(int Seed, int Size), string> s_bases = new();

    private static readonly Lazy<string> s_everyFeature = new(() => AccessPolicyJson.Serialize(PolicyExamples.EveryFeature()));

    private static readonly string[] s_values =
    [
        "null", "true", "false", "0", "-1", "1", "2", "1.5", "-0", "1e2", "1e400", "-1e400", "2147483647", "2147483648",
        "-2147483649", "123456789012345678901234567890", "\"\"", "\" \"", "\"\\ud800\"", "\"\\udc00x\"", "\"x\\ud83d\"",
        "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"00000000-0000-0000-0000-000000000000\"", "\"11111111-1111-1111-1111-111111111111\"",
        "\"2025-01-01\"", "\"2025-02-30\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2025-06-30T18:00:00Z\"", "\"2025-06-30T18:00:00\"",
        "\"2025-06-30T18:00:00+14:00\"", "\"Division\"", "\"Manager\"", "\"User\"", "\"ExternalUser\"", "\"Read\"", "\"Deny\"",
        "\"AllowAndGrant\"", "\"Admin\"", "\"Monitor\"", "\"UTC\"", "\"Not/AZone\"", "\"production\"", "{}", "[]", "[null]",
        "{\"formatVersion\": 1}", "\"Opportunity\"", "\"CanManageUsers\"",
    ];

    private static readonly string[] s_names =
    [
        "", "x", "id", "ID", "name", "kind", "parent", "users", "roles", "formatVersion", "\\u0069d", "\\ud800", "\\udc00",
        "a\\ud83d\\ude00", "na\\u006De", "__proto__", "\\\"", "\\\\", "with space", "k\\u0000",
    ];

    private static readonly string[] s_stringEdits =
        ["\\ud800", "\\udfff", "\\ud83d\\ude00", "\\u0000", "\\n", "\\\"", "\\\\", "\\u0041", "é", "Ж", "😀", " ", "\\t", "\\u2028"];

    private static readonly byte[][] s_bytes =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xC0, 0xAF], [0xFF], [0x00],
        [0xC2, 0xA0], "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(),
        ","u8.ToArray(), ":"u8.ToArray(), " "u8.ToArray(), "\r"u8.ToArray(), "\t"u8.ToArray(), "/*x*/"u8.ToArray(), "//x\n"u8.ToArray(),
        "\\ud800"u8.ToArray(), "1e999"u8.ToArray(), "null"u8.ToArray(),
    ];

    private readonly Random _random;
    private readonly List<string> _recipe = [];

    private PolicyDocumentMutator(int seed) => _random = new Random(seed);

    /// <summary>Gets what was done to the document, in order.</summary>
    public string Recipe => string.Join(", ", _recipe);

    /// <summary>Makes document <paramref name="index"/> of the run of a seed.</summary>
    public static (byte[] Utf8, string Recipe) Make(int runSeed, int index)
    {
        var mutator = new PolicyDocumentMutator(Mix(runSeed, index));
        byte[] utf8 = mutator.Make(runSeed);
        return (utf8, mutator.Recipe);
    }

    /// <summary>Mixes two numbers into a seed (SplitMix64), so that neighbouring documents share nothing.</summary>
    public static int Mix(int runSeed, int index)
    {
        ulong z = unchecked(((ulong)(uint)runSeed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private byte[] Make(int runSeed)
    {
        string valid = Base(runSeed);
        int treeMutations = _random.Next(10) switch { 0 or 1 => 0, < 7 => 1, < 9 => 2, _ => 4 };
        byte[] utf8;
        if (treeMutations == 0)
        {
            utf8 = Encoding.UTF8.GetBytes(valid);
        }
        else
        {
            JsonTree root = JsonTree.Parse(Encoding.UTF8.GetBytes(valid));
            for (int i = 0; i < treeMutations; i++)
            {
                MutateTree(root);
            }

            bool indented = _random.Next(4) != 0;
            _recipe.Add(indented ? "indented" : "one line");
            utf8 = Encoding.UTF8.GetBytes(root.Write(indented));
        }

        int byteMutations = _random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 3 };
        for (int i = 0; i < byteMutations; i++)
        {
            utf8 = MutateBytes(utf8);
        }

        return utf8;
    }

    private string Base(int runSeed)
    {
        switch (_random.Next(10))
        {
            case 0:
                _recipe.Add("every feature");
                return s_everyFeature.Value;
            case 1:
                _recipe.Add("smallest");
                return "{ \"formatVersion\": 1 }";
            default:
                // A run mutates a few hundred random models rather than making one per document: making them costs more
                // than reading them.
                // One base in 128 is large: a non-seekable stream must grow its first buffer (64 KB) to read it.
                int seed = Mix(runSeed, -1 - _random.Next(BasesPerRun));
                int size = seed % 128 == 0 ? 100 : 1 + (seed % 12);
                _recipe.Add(string.Create(CultureInfo.InvariantCulture, $"random model {seed} size {size}"));
                return s_bases.GetOrAdd((seed, size), static key => AccessPolicyJson.Serialize(RandomPolicyModels.Build(key.Seed, key.Size)));
        }
    }

    // ---- Tree mutations ----

    /// <summary>A place holding a value: a member of an object or an item of an array.</summary>
    private readonly record struct Slot(JsonTree Parent, int Index)
    {
        public JsonTree Value
        {
            get => Parent is JsonTree.Obj o ? o.Members[Index].Value : ((JsonTree.Arr)Parent).Items[Index];
            set
            {
                if (Parent is JsonTree.Obj o)
                {
                    o.Members[Index].Value = value;
                }
                else
                {
                    ((JsonTree.Arr)Parent).Items[Index] = value;
                }
            }
        }
    }

    private static void CollectSlots(JsonTree node, List<Slot> slots)
    {
        switch (node)
        {
            case JsonTree.Obj o:
                for (int i = 0; i < o.Members.Count; i++)
                {
                    slots.Add(new Slot(o, i));
                    CollectSlots(o.Members[i].Value, slots);
                }

                break;
            case JsonTree.Arr a:
                for (int i = 0; i < a.Items.Count; i++)
                {
                    slots.Add(new Slot(a, i));
                    CollectSlots(a.Items[i], slots);
                }

                break;
        }
    }

    private void MutateTree(JsonTree root)
    {
        var slots = new List<Slot>();
        CollectSlots(root, slots);
        if (slots.Count == 0)
        {
            _recipe.Add("insert member");
            ((JsonTree.Obj)root).Members.Add(new JsonTree.Member(Pick(s_names), Parse(Pick(s_values))));
            return;
        }

        Slot slot = Pick(slots);
        JsonTree.Token? token = slot.Value as JsonTree.Token;
        int choice = _random.Next(18);
        switch (choice)
        {
            case 0:
                _recipe.Add("remove");
                Remove(slot);
                break;
            case 1:
                _recipe.Add("duplicate");
                Insert(slot, slot.Value.Clone(), sameName: true);
                break;
            case 2:
                _recipe.Add("duplicate with another value");
                Insert(slot, Parse(Pick(s_values)), sameName: true);
                break;
            case 3:
            case 4:
                string value = Pick(s_values);
                _recipe.Add($"replace with {value}");
                slot.Value = Parse(value);
                break;
            case 5:
                _recipe.Add("transplant");
                slot.Value = Pick(slots).Value.Clone();
                break;
            case 6 when slot.Parent is JsonTree.Obj o:
                string name = _random.Next(2) == 0 ? Pick(s_names) : o.Members[_random.Next(o.Members.Count)].Name;
                _recipe.Add($"rename to \"{name}\"");
                o.Members[slot.Index].Name = name;
                break;
            case 7:
                _recipe.Add("insert unknown member");
                Insert(slot, Parse(Pick(s_values)), sameName: false);
                break;
            case 8:
                _recipe.Add("reorder");
                Reorder(slot.Parent);
                break;
            case 9 when token?.StringContent is { } content:
                EditString(token, content);
                break;
            case 10 when token is not null && token.StringContent is null && token.Text.Length > 0 && (char.IsAsciiDigit(token.Text[0]) || token.Text[0] == '-'):
                EditNumber(token);
                break;
            case 11:
                int depth = Pick([10, 63, 64, 65, 200, 5000]);
                bool objects = _random.Next(2) == 0;
                _recipe.Add($"nest {depth} deep in {(objects ? "objects" : "arrays")}");
                slot.Value = new JsonTree.Token(objects
                    ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
                    : new string('[', depth) + "1" + new string(']', depth));
                break;
            case 12 when token?.StringContent is { } content:
                _recipe.Add("escape letters");
                token.Text = "\"" + string.Concat(content.Select(c => char.IsAsciiLetter(c) && _random.Next(2) == 0 ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString())) + "\"";
                break;
            case 13 when token?.StringContent is { } content && Guid.TryParse(content, out Guid id):
                EditGuid(token, id);
                break;
            case 14 when token?.Text is "true" or "false":
                _recipe.Add("flip boolean");
                token.Text = token.Text == "true" ? "false" : "true";
                break;
            case 15:
                _recipe.Add(slot.Value is JsonTree.Arr ? "empty array" : "wrap in array");
                slot.Value = slot.Value is JsonTree.Arr ? new JsonTree.Arr() : Wrap(slot.Value);
                break;
            case 16 when slot.Parent is JsonTree.Obj o:
                // A great many problems at once: every one is counted, a few are described.
                int members = _random.Next(200, 3000);
                _recipe.Add($"flood with {members} unknown members");
                o.Members.AddRange(Enumerable.Range(0, members).Select(i => new JsonTree.Member(string.Create(CultureInfo.InvariantCulture, $"m{i}"), new JsonTree.Token("0"))));
                break;
            default:
                _recipe.Add("remove");
                Remove(slot);
                break;
        }
    }

    private static JsonTree.Token Parse(string value) => new(value);

    private static JsonTree.Arr Wrap(JsonTree value)
    {
        var array = new JsonTree.Arr();
        array.Items.Add(value);
        return array;
    }

    private static void Remove(Slot slot)
    {
        if (slot.Parent is JsonTree.Obj o)
        {
            o.Members.RemoveAt(slot.Index);
        }
        else
        {
            ((JsonTree.Arr)slot.Parent).Items.RemoveAt(slot.Index);
        }
    }

    private void Insert(Slot slot, JsonTree value, bool sameName)
    {
        if (slot.Parent is JsonTree.Obj o)
        {
            string name = sameName ? o.Members[slot.Index].Name : Pick(s_names) + (_random.Next(2) == 0 ? "x" : string.Empty);
            o.Members.Insert(_random.Next(o.Members.Count + 1), new JsonTree.Member(name, value));
        }
        else
        {
            var array = (JsonTree.Arr)slot.Parent;
            array.Items.Insert(_random.Next(array.Items.Count + 1), value);
        }
    }

    private void Reorder(JsonTree parent)
    {
        if (parent is JsonTree.Obj o)
        {
            JsonTree.Member[] members = [.. o.Members];
            _random.Shuffle(members);
            o.Members.Clear();
            o.Members.AddRange(members);
        }
        else
        {
            var array = (JsonTree.Arr)parent;
            JsonTree[] items = [.. array.Items];
            _random.Shuffle(items);
            array.Items.Clear();
            array.Items.AddRange(items);
        }
    }

    private void EditString(JsonTree.Token token, string content)
    {
        switch (_random.Next(4))
        {
            case 0:
                string edit = Pick(s_stringEdits);
                int at = _random.Next(content.Length + 1);
                while (at > 0 && at < content.Length && content[..at].Reverse().TakeWhile(c => c == '\\').Count() % 2 == 1)
                {
                    at--;
                }

                // Inside an escape such as \u00e9 the edit breaks it, which the reader refuses: that is a case too.
                _recipe.Add($"insert \"{edit}\" in a string");
                token.Text = "\"" + content[..at] + edit + content[at..] + "\"";
                break;
            case 1:
                _recipe.Add("upper-case a string");
                token.Text = token.Text.ToUpperInvariant().Replace("\\U", "\\u", StringComparison.Ordinal);
                break;
            case 2:
                _recipe.Add("lower-case a string");
                token.Text = token.Text.ToLowerInvariant();
                break;
            default:
                _recipe.Add("repeat a string");
                token.Text = "\"" + string.Concat(Enumerable.Repeat(content, _random.Next(2, 200))) + "\"";
                break;
        }
    }

    private void EditNumber(JsonTree.Token token)
    {
        string number = _random.Next(6) switch
        {
            0 => long.TryParse(token.Text, CultureInfo.InvariantCulture, out long n) ? (n + Pick([-1L, 1L, 1000L])).ToString(CultureInfo.InvariantCulture) : "0",
            1 => "-" + token.Text.TrimStart('-'),
            2 => token.Text + new string('0', _random.Next(1, 12)),
            3 => new string('9', _random.Next(10, 2000)),
            4 => token.Text + Pick([".0", "e0", "E+1", ".", "e", "x"]),
            _ => "0" + token.Text,
        };
        _recipe.Add($"number {(number.Length > 20 ? number[..20] + "…" : number)}");
        token.Text = number;
    }

    private void EditGuid(JsonTree.Token token, Guid id)
    {
        string text = id.ToString();
        switch (_random.Next(4))
        {
            case 0:
                int at = _random.Next(text.Length);
                while (text[at] == '-')
                {
                    at = _random.Next(text.Length);
                }

                _recipe.Add("change a GUID digit");
                token.Text = "\"" + text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..] + "\"";
                break;
            case 1:
                _recipe.Add("upper-case a GUID");
                token.Text = "\"" + text.ToUpperInvariant() + "\"";
                break;
            case 2:
                _recipe.Add("GUID in braces");
                token.Text = "\"{" + text + "}\"";
                break;
            default:
                _recipe.Add("GUID without hyphens");
                token.Text = "\"" + id.ToString("N") + "\"";
                break;
        }
    }

    // ---- Byte mutations ----

    private byte[] MutateBytes(byte[] utf8)
    {
        int at = _random.Next(utf8.Length + 1);
        switch (_random.Next(8))
        {
            case 0 when utf8.Length > 0:
                at = _random.Next(utf8.Length);
                byte[] flipped = [.. utf8];
                flipped[at] ^= (byte)(1 << _random.Next(8));
                _recipe.Add($"flip a bit of byte {at}");
                return flipped;
            case 1:
            case 2:
                byte[] bytes = Pick(s_bytes);
                _recipe.Add($"insert {Convert.ToHexString(bytes)} at {at}");
                return [.. utf8[..at], .. bytes, .. utf8[at..]];
            case 3:
                int end = Math.Min(utf8.Length, at + _random.Next(1, 17));
                _recipe.Add($"delete bytes {at}..{end}");
                return [.. utf8[..at], .. utf8[end..]];
            case 4:
                int from = _random.Next(utf8.Length + 1);
                int length = Math.Min(utf8.Length - from, _random.Next(1, 65));
                _recipe.Add($"copy {length} bytes from {from} to {at}");
                return [.. utf8[..at], .. utf8.AsSpan(from, length), .. utf8[at..]];
            case 5:
                _recipe.Add($"truncate at {at}");
                return utf8[..at];
            case 6:
                byte[] mark = Pick<byte[]>([[0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB]]);
                _recipe.Add($"prefix {Convert.ToHexString(mark)}");
                return [.. mark, .. utf8];
            default:
                byte[] tail = Pick<byte[]>(["\n"u8.ToArray(), "  \r\n\t"u8.ToArray(), "{}"u8.ToArray(), "x"u8.ToArray(), [0x00], ","u8.ToArray()]);
                _recipe.Add($"append {Convert.ToHexString(tail)}");
                return [.. utf8, .. tail];
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
