using CarbonSim.Client.Cli;

// carbonsim <verb> ...: every verb, its options, help and exit codes are defined in Cli/CarbonSimCli.cs.
return await CarbonSimCli.InvokeAsync(args);
