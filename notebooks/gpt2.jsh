// Shared setup for the GPT-2 notebooks, loaded after setup.jsh.
// It opens GPT-2 from TEMPERED_MODEL_DIR or the Hugging Face cache; if the model is not there yet, the
// cell stops with a message saying how to fetch it (java -jar target/tempered.jar download, once).

import tempered.model.*;
import tempered.hub.*;
import tempered.recorded.*;
import tempered.generate.*;
import tempered.text.*;

Gpt2Model gpt2 = NotebookModel.open();
Generator generator = new Generator(gpt2);
