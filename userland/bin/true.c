/*
 * true - do nothing, successfully: exit status 0. Arguments are ignored.
 */
int main(void)
{
    return 0;
}
