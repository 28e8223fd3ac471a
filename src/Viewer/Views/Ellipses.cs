using System.Numerics;

namespace GmmGpu.Viewer.Views;

/// <summary>The 2×2 covariance of a component on two features, and its k-σ ellipse.</summary>
internal static class Ellipses
{
    /// <summary>(σxx, σxy, σyy) of component <paramref name="k"/> on features (a, b).</summary>
    public static (double Xx, double Xy, double Yy) Covariance2(
        MixtureParameters parameters, int k, int a, int b)
    {
        double[] c = parameters.CovariancesArray;
        int d = parameters.Dimensions;
        return parameters.CovarianceType switch
        {
            CovarianceType.Full => (c[(k * d * d) + (a * d) + a], c[(k * d * d) + (a * d) + b],
                c[(k * d * d) + (b * d) + b]),
            CovarianceType.Tied => (c[(a * d) + a], c[(a * d) + b], c[(b * d) + b]),
            CovarianceType.Diagonal => (c[(k * d) + a], 0, c[(k * d) + b]),
            _ => (c[k], 0, c[k]),
        };
    }

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
