namespace CarbonSim.Model;

/// <summary>How a spin-up's end state was reached (<see cref="Kernel.Spinup.RunChecked"/>).</summary>
public enum SpinupMethod
{
    /// <summary>The standard rule from bare ground (<see cref="Kernel.Spinup.Run"/>).</summary>
    Standard = 0,
    /// <summary>The accelerated spin-up (<see cref="Kernel.Spinup.RunAccelerated"/>) followed by unassisted recovery blocks that met the steady-state rule.</summary>
    Accelerated = 1,
    /// <summary>The accelerated spin-up and its recovery blocks did not meet the rule; the standard rule from bare ground was run instead.</summary>
    AcceleratedThenStandard = 2,
}
