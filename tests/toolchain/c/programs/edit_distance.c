// Dynamic programming: Levenshtein distance and the longest common subsequence (with the
// subsequence itself reconstructed).
// expected: host
#include <stdio.h>
#include <string.h>

static int min3(int a, int b, int c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

static int levenshtein(const char *a, const char *b) {
    static int d[64][64];
    int n = (int)strlen(a), m = (int)strlen(b);
    for (int i = 0; i <= n; i++)
        d[i][0] = i;
    for (int j = 0; j <= m; j++)
        d[0][j] = j;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= m; j++)
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
    return d[n][m];
}

static void lcs(const char *a, const char *b, char *out) {
    static int L[64][64];
    int n = (int)strlen(a), m = (int)strlen(b);
    for (int i = n; i >= 0; i--)
        for (int j = m; j >= 0; j--) {
            if (i == n || j == m)
                L[i][j] = 0;
            else if (a[i] == b[j])
                L[i][j] = 1 + L[i + 1][j + 1];
            else
                L[i][j] = L[i + 1][j] > L[i][j + 1] ? L[i + 1][j] : L[i][j + 1];
        }
    int i = 0, j = 0, k = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) {
            out[k++] = a[i];
            i++;
            j++;
        } else if (L[i + 1][j] >= L[i][j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    out[k] = '\0';
}

int main(void) {
    const char *pairs[][2] = {{"kitten", "sitting"}, {"flaw", "lawn"}, {"", "abc"}, {"same", "same"},
                              {"capability", "probability"}, {"AGGTAB", "GXTXAYB"}, {"fork", "ufork"}};
    char out[64];
    for (int i = 0; i < 7; i++) {
        lcs(pairs[i][0], pairs[i][1], out);
        printf("%s / %s: distance %d, lcs \"%s\"\n", pairs[i][0], pairs[i][1],
               levenshtein(pairs[i][0], pairs[i][1]), out);
    }
    return 0;
}
