// wc over stdin: lines, words and bytes, plus the longest word and the most frequent letter.
// expected: host
#include <stdio.h>
#include <ctype.h>
#include <string.h>

int main(void) {
    long lines = 0, words = 0, bytes = 0;
    int in_word = 0, c, len = 0, best_len = 0;
    char word[64], longest[64] = "";
    long letters[26] = {0};
    while ((c = getchar()) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        if (isalpha(c))
            letters[tolower(c) - 'a']++;
        if (isspace(c)) {
            if (in_word) {
                word[len] = '\0';
                if (len > best_len) {
                    best_len = len;
                    strcpy(longest, word);
                }
            }
            in_word = 0;
            len = 0;
        } else {
            if (!in_word)
                words++;
            in_word = 1;
            if (len < 63)
                word[len++] = (char)c;
        }
    }
    if (in_word) {
        word[len] = '\0';
        if (len > best_len)
            strcpy(longest, word);
    }
    int top = 0;
    for (int i = 1; i < 26; i++)
        if (letters[i] > letters[top])
            top = i;
    printf("%ld %ld %ld\n", lines, words, bytes);
    printf("longest: %s\n", longest);
    printf("most frequent letter: %c (%ld)\n", 'a' + top, letters[top]);
    return 0;
}
