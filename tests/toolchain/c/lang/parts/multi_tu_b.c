/* The second translation unit of lang/multi_tu.c. */
extern int main_value;

int shared_counter = 3;
const char *shared_names[] = {"one", "two"};

static int helper(void) { return 2; }
static int hidden = 20;

int bump(int by) { shared_counter += by + main_value - 7; return shared_counter; }
int helper_b(void) { return helper() + hidden; }
const char *unit_b_name(void) { return "unit b"; }
