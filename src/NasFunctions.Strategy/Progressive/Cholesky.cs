namespace NasFunctions.Strategy.Progressive;

/// <summary>The Cholesky factor of a symmetric positive definite matrix, and solves with it.</summary>
internal sealed class Cholesky
{
    private readonly double[] _lower;

    private Cholesky(int size, double[] lower)
    {
        Size = size;
        _lower = lower;
    }

    /// <summary>The matrix order.</summary>
    public int Size { get; }

    /// <summary>The sum of the logs of the factor's diagonal (half the log determinant).</summary>
    public double HalfLogDeterminant
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Size; i++)
            {
                sum += Math.Log(_lower[(i * Size) + i]);
            }

            return sum;
        }
    }

    /// <summary>Factors the row-major <paramref name="matrix"/> (n x n); null when it is not positive definite.</summary>
    public static Cholesky? Factor(double[] matrix, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            var rowI = i * n;
            for (var j = 0; j <= i; j++)
            {
                var rowJ = j * n;
                var sum = matrix[rowI + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[rowI + k] * l[rowJ + k];
                }

                if (i == j)
                {
                    if (!(sum > 0))
                    {
                        return null;
                    }

                    l[rowI + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[rowI + j] = sum / l[rowJ + j];
                }
            }
        }

        return new Cholesky(n, l);
    }

    /// <summary>Solves A x = b for x.</summary>
    public double[] Solve(ReadOnlySpan<double> b)
    {
        var n = Size;
        var x = b.ToArray();
        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            for (var k = 0; k < i; k++)
            {
                sum -= _lower[(i * n) + k] * x[k];
            }

            x[i] = sum / _lower[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = x[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= _lower[(k * n) + i] * x[k];
            }

            x[i] = sum / _lower[(i * n) + i];
        }

        return x;
    }
}
