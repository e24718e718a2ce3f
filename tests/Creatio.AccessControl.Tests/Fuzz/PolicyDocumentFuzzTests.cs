using System.Diagnostics;
using System.Globalization;
using System.Text;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Serialization;
using Xunit.Abstractions;

namespace Creatio.AccessControl.Tests.Fuzz;

/// <summary>A mutation fuzz over policy documents (issue 13, "keep it found"): every document is either accepted, and
/// then round-trips and compiles, or refused with the documented <see cref="AccessModelValidationException"/>, each
/// problem located; never another exception, never a hang, and reading allocates in proportion to the document.</summary>
/// <remarks>The run is seeded: <c>CREATIO_FUZZ_SEED</c> overrides the default seed and <c>CREATIO_FUZZ_DOCUMENTS</c>
/// the count of documents; a failure names the seed and the document, and saves the document to the temporary
/// folder.</remarks>
public sealed class PolicyDocumentFuzzTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20_241_006;
    private const int DefaultDocuments = 3_000;

    /// <summary>Reading a document may allocate this many bytes per byte of it, plus <see cref="AllocationAllowance"/>:
    /// the text, the tokens, the document's objects, the model and its validation.</summary>
    private const int AllocationPerByte = 64;

    private const int AllocationAllowance = 512 * 1024;

    private static readonly TimeSpan s_timeoutPerDocument = TimeSpan.FromSeconds(15);

    [Fact]
    public void Deserialize_MutatedDocuments_AreAcceptedAndRoundTripOrRefusedWithLocatedErrors()
    {
        int seed = Setting("CREATIO_FUZZ_SEED", DefaultSeed);
        int documents = Setting("CREATIO_FUZZ_DOCUMENTS", DefaultDocuments);
        var run = new FuzzRun(seed);
        run.WarmUp();

        var worker = new Thread(() => run.Run(documents)) { IsBackground = true, Name = "policy document fuzz" };
        using Process process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(200)))
        {
            if (run.CurrentDocumentTime > s_timeoutPerDocument)
            {
                Assert.Fail(run.Describe(run.CurrentIndex, $"took longer than {s_timeoutPerDocument.TotalSeconds} s"));
            }
        }

        watch.Stop();
        process.Refresh();
        cpu = process.TotalProcessorTime - cpu;
        if (run.Failure is { } failure)
        {
            Assert.Fail(failure);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed {seed}: {documents} documents in {watch.Elapsed.TotalSeconds:F1} s ({cpu.TotalSeconds:F1} s of processor time), {run.Accepted} accepted, {run.Rejected} refused ({run.Capped} with more problems than reported); {run.Large} over 64 KB, largest {run.LargestDocument} bytes; closest to the allocation bound: {run.Worst.Allocated} bytes for {run.Worst.Size} bytes read ({100.0 * run.Worst.Allocated / run.Worst.Bound:F0}% of the bound)."));
        output.WriteLine("Refusals by code: " + string.Join(", ", run.Codes.OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}")));

        // The fuzz must keep reaching both outcomes and every kind of problem, or it tests less than it says.
        Assert.InRange(run.Accepted, documents / 20, documents);
        Assert.InRange(run.Rejected, documents / 4, documents);
        AccessModelErrorCode[] expected =
        [
            AccessModelErrorCode.InvalidJson, AccessModelErrorCode.UnknownMember, AccessModelErrorCode.MissingMember,
            AccessModelErrorCode.DuplicateMember, AccessModelErrorCode.InvalidType, AccessModelErrorCode.InvalidValue,
            AccessModelErrorCode.DanglingReference, AccessModelErrorCode.DuplicateId,
        ];
        Assert.All(expected, code => Assert.True(run.Codes.ContainsKey(code), $"No document was refused with {code}."));
        Assert.True(run.LoneSurrogates > 0, "No document was refused for an escaped half of a surrogate pair.");
        Assert.True(run.TooDeep > 0, "No document was refused for nesting too deep.");
        Assert.True(run.Capped > 0, "No document had more problems than are reported.");
        Assert.True(run.Large > 0, "No document was larger than the first buffer of a non-seekable stream.");
    }

    [Fact]
    public void Mutator_SameSeed_MakesTheSameDocument()
    {
        for (int index = 0; index < 50; index++)
        {
            (byte[] first, string recipe) = PolicyDocumentMutator.Make(DefaultSeed, index);
            (byte[] second, string again) = PolicyDocumentMutator.Make(DefaultSeed, index);

            Assert.Equal(first, second);
            Assert.Equal(recipe, again);
        }
    }

    private static int Setting(string name, int defaultValue) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : defaultValue;

    /// <summary>One run of the fuzz, on a worker thread that the test thread watches.</summary>
    private sealed class FuzzRun(int seed)
    {
        private int _currentIndex = -1;
        private long _currentStarted;
        private byte[] _current = [];
        private string _currentRecipe = string.Empty;

        public int CurrentIndex => Volatile.Read(ref _currentIndex);

        public TimeSpan CurrentDocumentTime =>
            CurrentIndex < 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(Interlocked.Read(ref _currentStarted));

        public string? Failure { get; private set; }

        public int Accepted { get; private set; }

        public int Rejected { get; private set; }

        public int LoneSurrogates { get; private set; }

        public int TooDeep { get; private set; }

        public int Capped { get; private set; }

        public int Large { get; private set; }

        public int LargestDocument { get; private set; }

        /// <summary>Gets the document that came closest to the allocation bound: its size, what reading it allocated
        /// and the bound.</summary>
        public (int Size, long Allocated, long Bound) Worst { get; private set; } = (0, 0, 1);

        public Dictionary<AccessModelErrorCode, int> Codes { get; } = [];

        /// <summary>Reads one document of each outcome, so that first-use costs (metadata, caches) are not counted
        /// against a fuzzed document's allocation.</summary>
        public void WarmUp()
        {
            foreach (string json in new[] { AccessPolicyJson.Serialize(PolicyExamples.EveryFeature()), "{", "{ \"formatVersion\": 1, \"x\": 1 }", "{ \"formatVersion\": 1, \"memberships\": [ { \"user\": \"11111111-1111-1111-1111-111111111111\", \"role\": \"11111111-1111-1111-1111-111111111111\" } ] }" })
            {
                try
                {
                    AccessPolicyJson.Deserialize(new MemoryStream(Encoding.UTF8.GetBytes(json)));
                }
                catch (AccessModelValidationException)
                {
                }
            }
        }

        public void Run(int documents)
        {
            for (int index = 0; index < documents; index++)
            {
                (byte[] utf8, string recipe) = PolicyDocumentMutator.Make(seed, index);
                _current = utf8;
                _currentRecipe = recipe;
                Interlocked.Exchange(ref _currentStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref _currentIndex, index);
                try
                {
                    Check(index, utf8);
                }
                catch (Exception exception)
                {
                    Failure = Describe(index, "failed: " + exception);
                    return;
                }
            }

            Volatile.Write(ref _currentIndex, -1);
        }

        /// <summary>Describes a failing document, saves it and says how to run it again.</summary>
        public string Describe(int index, string what)
        {
            string file = Path.Combine(Path.GetTempPath(), $"policy-fuzz-{seed}-{index}.json");
            File.WriteAllBytes(file, _current);
            string text = Encoding.UTF8.GetString(_current);
            return $"Policy document {index} of fuzz seed {seed} (document seed {PolicyDocumentMutator.Mix(seed, index)}) {what}\n"
                + $"Made by: {_currentRecipe}\nSaved to: {file}\n"
                + $"Run again with CREATIO_FUZZ_SEED={seed} CREATIO_FUZZ_DOCUMENTS={index + 1}.\n"
                + $"Document ({_current.Length} bytes): {(text.Length > 2000 ? text[..2000] + "…" : text)}";
        }

        private void Check(int index, byte[] utf8)
        {
            LargestDocument = Math.Max(LargestDocument, utf8.Length);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Outcome outcome = Outcome.Of(() => AccessPolicyJson.Deserialize(new MemoryStream(utf8, writable: false)));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            long bound = (long)AllocationPerByte * utf8.Length + AllocationAllowance;
            if (allocated * Worst.Bound > Worst.Allocated * bound)
            {
                Worst = (utf8.Length, allocated, bound);
            }

            Assert.True(
                allocated <= bound,
                $"Reading {utf8.Length} bytes allocated {allocated} bytes, more than {AllocationPerByte} per byte and {AllocationAllowance} more.");

            // The same document by every way in: a non-seekable stream, read asynchronously in small chunks, or a string;
            // a document larger than the first buffer of a non-seekable stream (64 KB) by all of them.
            int way = utf8.Length > 64 * 1024 ? -1 : index % 4;
            Large += way == -1 ? 1 : 0;
            if (way is -1 or 0)
            {
                // Without yielding: on a busy machine a thread switch costs more than reading the document. Streams
                // that yield and wait are read in AccessPolicyJsonStreamTests.
                var stream = new ChunkedStream(utf8, 1 + (index % 509), yieldEvery: 0);
                Outcome.AssertSame(outcome, Outcome.Of(() => AccessPolicyJson.DeserializeAsync(stream).AsTask().GetAwaiter().GetResult()));
            }

            if (way is -1 or 1 && PolicyDocumentText.FindInvalidUtf8(utf8) < 0)
            {
                Outcome.AssertSame(outcome, Outcome.Of(() => AccessPolicyJson.Deserialize(Encoding.UTF8.GetString(utf8))));
            }

            if (way is -1 or 2)
            {
                Outcome.AssertSame(outcome, Outcome.Of(() => AccessPolicyJson.Deserialize(new ChunkedStream(utf8, 1 + (index % 97)))));
            }

            if (outcome.Model is { } model)
            {
                Accepted++;
                string json = AccessPolicyJson.Serialize(model);
                AccessModel read = AccessPolicyJson.Deserialize(json);
                PolicyModelAssert.Equal(model, read);
                Assert.Equal(json, AccessPolicyJson.Serialize(read));
                Assert.Equal(model.Users.Length, AccessSnapshot.Compile(model).Model.Users.Length);
            }
            else
            {
                Rejected++;
                CheckRefusal(utf8, outcome.Refusal!);
            }
        }

        private void CheckRefusal(byte[] utf8, AccessModelValidationException refusal)
        {
            int lines = utf8.Count(b => b == (byte)'\n') + 1;
            Assert.InRange(refusal.Errors.Count, 1, AccessModelValidationException.MaxReportedErrors);
            Assert.Equal(refusal.Errors.Count < AccessModelValidationException.MaxReportedErrors ? refusal.Errors.Count : refusal.TotalErrorCount, refusal.TotalErrorCount);
            Assert.InRange(refusal.Message.Length, 1, 512 * 1024);
            Capped += refusal.TotalErrorCount > refusal.Errors.Count ? 1 : 0;
            foreach (AccessModelError error in refusal.Errors)
            {
                Assert.NotNull(error.Path);
                Assert.StartsWith("$", error.Path, StringComparison.Ordinal);
                Assert.NotNull(error.Line);
                Assert.InRange(error.Line.Value, 1, lines);
                Assert.StartsWith(error.Path, error.Message, StringComparison.Ordinal);
                Codes[error.Code] = Codes.GetValueOrDefault(error.Code) + 1;
                LoneSurrogates += error.Message.Contains("half of a surrogate pair", StringComparison.Ordinal) ? 1 : 0;
                TooDeep += error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }
        }
    }

    /// <summary>What reading a document gave: a model or the documented refusal; any other exception escapes.</summary>
    private sealed record Outcome(AccessModel? Model, AccessModelValidationException? Refusal)
    {
        public static Outcome Of(Func<AccessModel> read)
        {
            try
            {
                return new Outcome(read(), null);
            }
            catch (AccessModelValidationException refusal)
            {
                return new Outcome(null, refusal);
            }
        }

        public static void AssertSame(Outcome expected, Outcome actual)
        {
            if (expected.Model is { } model)
            {
                Assert.True(actual.Model is not null, $"One way in accepted the document, another refused it: {actual.Refusal?.Message}");
                PolicyModelAssert.Equal(model, actual.Model);
            }
            else
            {
                Assert.True(actual.Refusal is not null, "One way in refused the document, another accepted it.");
                Assert.Equal(expected.Refusal!.Message, actual.Refusal.Message);
                Assert.Equal(expected.Refusal.TotalErrorCount, actual.Refusal.TotalErrorCount);
            }
        }
    }
}
