using BenchmarkDotNet.Running;
using Creatio.AccessControl.Benchmarks.Depth;
using Creatio.AccessControl.Benchmarks.EntityFrameworkCore;
using Creatio.AccessControl.Benchmarks.FileOrder;
using Creatio.AccessControl.Benchmarks.Interleaving;
using Creatio.AccessControl.Benchmarks.PostgreSql;
using Creatio.AccessControl.Benchmarks.Verification;

if (args.Length > 0 && args[0] == "fileorder")
{
    return FileOrderCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "load")
{
    return Creatio.AccessControl.Benchmarks.Load.LoadCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "verify")
{
    return VerifyCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "postgres-load")
{
    return await PostgreSqlLoadCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "postgres-feed")
{
    return await Creatio.AccessControl.Benchmarks.PostgreSql.PostgreSqlFeedCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "efcore-page")
{
    return await EfCorePageCommand.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "efcore-scale")
{
    return await EfCorePageCommand.RunScaleAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "depth")
{
    return DepthCommand.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "interleave")
{
    return InterleaveCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
