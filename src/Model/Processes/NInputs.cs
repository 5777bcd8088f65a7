using CarbonSim.Model.Kernel;

namespace CarbonSim.Model.Processes;

/// <summary>
/// Daily N inputs (science notes §1 step 12): deposition (the year's value from
/// <see cref="YearForcing.NDeposition"/>, e.g. from a CO2 ramp or a <c>-n</c> file) and fixation (site)
/// spread evenly over 365 days.
/// </summary>
public static class NInputs
{
    public static void Compute(double annualDeposition, double annualFixation, ref DailyFluxes f)
    {
        f.NDeposition = annualDeposition / KernelConstants.DaysPerYear;
        f.NFixation = annualFixation / KernelConstants.DaysPerYear;
    }
}
