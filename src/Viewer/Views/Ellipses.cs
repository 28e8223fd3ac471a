using System.Numerics;

namespace GmmGpu.Viewer.Views;

/// <summary>
/// The k-σ ellipse of a 2×2 covariance (<see cref="MixtureParameters.MarginalCovariance"/>).
/// </summary>
internal static class Ellipses
{
    /// <summary>Points in data space of the <paramref name="sigmas"/>-σ ellipse.</summary>
    public static Vector2[] Points(
        double mx, double my, (double Xx, double Xy, double Yy) cov, double sigmas, int count)
    {
        double mid = (cov.Xx + cov.Yy) / 2;
        double half = (cov.Xx - cov.Yy) / 2;
        double radius = Math.Sqrt((half * half) + (cov.Xy * cov.Xy));
        double l1 = mid + radius, l2 = Math.Max(mid - radius, 0);
        double angle = Math.Abs(cov.Xy) < 1e-300 && cov.Xx >= cov.Yy
            ? 0
            : Math.Abs(cov.Xy) < 1e-300 ? Math.PI / 2 : Math.Atan2(l1 - cov.Xx, cov.Xy);
        double ax = Math.Cos(angle), ay = Math.Sin(angle);
        double r1 = sigmas * Math.Sqrt(l1), r2 = sigmas * Math.Sqrt(l2);
        var points = new Vector2[count];
        for (int i = 0; i < count; i++)
        {
            double t = 2 * Math.PI * i / count;
            double u = r1 * Math.Cos(t), v = r2 * Math.Sin(t);
            points[i] = new Vector2(
                (float)(mx + (u * ax) - (v * ay)), (float)(my + (u * ay) + (v * ax)));
        }

        return points;
    }
}
