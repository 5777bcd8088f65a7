using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(CarbonSim.Bench.KernelBenchmarks).Assembly).Run(args);
