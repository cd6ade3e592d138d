// SelarasPipeline
